"""gunicorn settings read from the working directory (`gunicorn 'api:create_app()'`): access-log lines
go through a logger that redacts invitation tokens, share codes and signed-URL signatures."""
logger_class = "api.protection.logs.RedactingGunicornLogger"
