"""What makes a package a public release: version order and the `latest` pointer,
the changelog against the previous release, the release's README and data dictionary,
its download page, the single-file zip, and what a release must be (verify.py: every
file against its declaration, Parquet against CSV) with its full validation
(validate.py). `pipelines/package.py` calls these while building a release in its
temporary directory; nothing here parses reports, and nothing here imports package.py.
"""
