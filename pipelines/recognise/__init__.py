"""The recogniser: maps a Document's cells onto the statutory template.

Only this package knows the statute's labels; readers (pipelines/read) know file
formats. Steps: normalise labels (normalise.py), read printed values (values.py),
turn cells into label/value tokens (tokens.py), place values into the statutory grid
(grid.py), read the title metadata (metadata.py; markup.py strips Markdown/rst
decoration from the lines it reads).
"""
