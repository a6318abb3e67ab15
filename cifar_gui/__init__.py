"""cifar-gui: train and inspect CIFAR-10 image classifiers from a desktop window or a terminal."""

__version__ = "0.1.0"
APP_NAME = "cifar-gui"
