"""The Qt (PySide6) application. Imports TensorFlow only inside functions and worker threads,
so the window shows before TensorFlow has loaded."""
