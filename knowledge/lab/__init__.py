"""The research bench of the knowledge package: measurement, training and tuning on the
development set (knowledge/eval/development/).

evaluate.py measures (python -m knowledge evaluate), devset.py says where the development set
is, tune.py chooses the fusion weights and the answer threshold (python -m knowledge.lab.tune),
domain.py and sections.py train the two classifiers (python -m knowledge train-domain,
train-sections). Nothing here runs in the product, and the runtime imports nothing from here;
it reads only what these write into data/ and calibration.json.
"""
