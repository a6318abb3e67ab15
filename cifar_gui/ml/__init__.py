"""Everything that touches TensorFlow/Keras. Never imports Qt; imported lazily by the GUI.

Importing this package only sets environment defaults; TensorFlow loads with the first submodule.
"""

import os

os.environ.setdefault("KERAS_BACKEND", "tensorflow")
os.environ.setdefault(
    "TF_CPP_MIN_LOG_LEVEL", "2"
)  # keep TensorFlow's C++ INFO lines off the terminal
