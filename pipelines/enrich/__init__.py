"""Enrichment: what a parsed report does not print in its tables but a user needs to join
and compare reports, resolved from the report's agency name and text (agencies.py: the
agency's level, region with its GB/T 2260 code, and a stable agency id).
"""
