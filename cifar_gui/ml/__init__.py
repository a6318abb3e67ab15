"""Everything that touches TensorFlow/Keras. Never imports Qt; imported lazily by the GUI.

Importing this package imports TensorFlow (every submodule needs it), with its start-up lines
sent to the log file unless the user asked for them (see ``tensorflow_noise``).
"""

import os

os.environ.setdefault("KERAS_BACKEND", "tensorflow")
os.environ.setdefault(
    "TF_CPP_MIN_LOG_LEVEL", "2"
)  # keep TensorFlow's C++ INFO lines off the terminal

from cifar_gui.ml.tensorflow_noise import import_tensorflow_quietly

import_tensorflow_quietly()
