"""What makes a package a public release: version order and the `latest` pointer,
the changelog against the previous release, the release's README and data dictionary,
its download page, and the single-file zip. `pipelines/package.py` calls these while
building a release in its temporary directory; nothing here parses reports.
"""
