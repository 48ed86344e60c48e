"""Flask CLI commands: `flask --app api migrate | seed-demo | write-sql`."""
import click
from flask import Flask

from api import db, demo, retention


def register(app: Flask) -> None:
    @app.cli.command("migrate")
    def migrate_command():
        """Apply every migration to the configured database."""
        db.migrate(app.extensions["miaomian.engine"])
        click.echo("database is at the newest schema")

    @app.cli.command("seed-demo")
    def seed_demo_command():
        """Create the demo organisation, job, interview and invitations (once)."""
        with app.app_context(), app.extensions["miaomian.engine"].begin() as connection:
            outcome = demo.seed(connection)
        for item in outcome["tokens"]:
            click.echo(f"{app.config['PUBLIC_URL']}/i/{item['token']}")  # asked for: shown once, no names
        if not outcome["created"]:
            click.echo("demo organisation already exists")

    @app.cli.command("purge-expired")
    def purge_expired_command():
        """Erase candidate data past its retention period (run daily)."""
        click.echo(f"erased {retention.purge_expired(app)} sessions past retention")

    @app.cli.command("write-sql")
    def write_sql_command():
        """Regenerate sql/ (the MySQL DDL of every migration)."""
        for path in db.write_sql_files():
            click.echo(f"wrote {path}")
