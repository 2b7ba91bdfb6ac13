"""The research bench of the knowledge package: training and tuning on the development set.

Nothing here runs in the product; the runtime reads only what these write into data/ and
calibration.json.
"""
