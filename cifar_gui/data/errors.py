"""The one exception type the data layer raises: its message is shown to the user as is."""


class DataSourceError(Exception):
    """A data source could not be loaded; the message names the offending file and the reason."""
