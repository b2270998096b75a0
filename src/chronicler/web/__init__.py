"""``chronicler serve``: the REST API (and later the web workspace) over the service layer."""
