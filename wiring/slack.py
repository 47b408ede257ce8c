"""The Slack side: a Web API client that honours Slack's retries, and the Bolt app with every
listener registered."""
from __future__ import annotations

from config import Settings


def make_client(settings: Settings):
    """A WebClient on SLACK_API_URL that waits out 429s (Retry-After) and retries 5xx and
    connection errors before a message falls back to the outbox."""
    from slack_sdk import WebClient
    from slack_sdk.http_retry.builtin_handlers import (
        ConnectionErrorRetryHandler,
        RateLimitErrorRetryHandler,
        ServerErrorRetryHandler,
    )
    return WebClient(token=settings.bot_token or None, base_url=settings.api_url,
                     retry_handlers=[ConnectionErrorRetryHandler(max_retry_count=2),
                                     RateLimitErrorRetryHandler(max_retry_count=2),
                                     ServerErrorRetryHandler(max_retry_count=2)])


def same_api(client, token: str):
    """A client like `client` (same Web API URL and retries) for another workspace's bot token."""
    from slack_sdk import WebClient
    return WebClient(token=token or None, base_url=client.base_url, timeout=client.timeout,
                     retry_handlers=client.retry_handlers)


def build_app(rt, client):
    """The Bolt app with every listener registered."""
    from slack_bolt import App

    import handlers
    # The HTTP reply leaves as soon as a listener returns; listeners hand slow work to the pool
    # (handlers/budget.py), so nobody waits for Bolt's polling of the ack.
    settings = rt.settings
    oauth = None
    if settings.oauth:  # several workspaces: Bolt's install flow, with our database as its stores
        from slack_bolt.oauth.oauth_settings import OAuthSettings

        from installations import BOT_SCOPES, installation_store, state_store
        oauth = OAuthSettings(client_id=settings.client_id, client_secret=settings.client_secret, scopes=list(BOT_SCOPES),
                              installation_store=installation_store(rt.engine, settings), state_store=state_store(rt.engine),
                              install_path="/slack/install", redirect_uri_path="/slack/oauth_redirect",
                              redirect_uri=f"{settings.public_url}/slack/oauth_redirect" if settings.public_url else None)
    app = App(client=client, signing_secret=settings.signing_secret, process_before_response=True,
              oauth_settings=oauth, installation_store_bot_only=True if oauth else None)
    if oauth:
        app.enable_token_revocation_listeners()  # app_uninstalled, tokens_revoked: the tokens go

    @app.error
    def on_error(error, body, logger):  # noqa: ANN001 - Bolt's signature
        logger.exception("unhandled error for %s", (body or {}).get("type"), exc_info=error)

    handlers.register(app, rt)
    return app
