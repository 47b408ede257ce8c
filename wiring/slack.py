"""The Slack side: a Web API client that honours Slack's retries, and the Bolt app with every
listener registered."""
from __future__ import annotations

from config import Settings

SHORT_WAIT = 1.0  # seconds: the longest Retry-After a listener waits out (it answers within 3 s)


def make_client(settings: Settings):
    """A WebClient on SLACK_API_URL that retries 5xx and connection errors, and waits out a 429
    only when Slack asks for a short pause: a listener must answer within Slack's 3 seconds, so a
    longer wait surfaces as an error it can explain."""
    from slack_sdk import WebClient
    from slack_sdk.http_retry.builtin_handlers import ConnectionErrorRetryHandler, ServerErrorRetryHandler
    return WebClient(token=settings.bot_token or None, base_url=settings.api_url,
                     retry_handlers=[ConnectionErrorRetryHandler(max_retry_count=2),
                                     _short_rate_limit_retry(),
                                     ServerErrorRetryHandler(max_retry_count=2)])


def _short_rate_limit_retry():
    from slack_sdk.http_retry.builtin_handlers import RateLimitErrorRetryHandler

    from delivery.slack import retry_after

    class ShortRateLimitRetry(RateLimitErrorRetryHandler):
        def _can_retry(self, *, state, request, response=None, error=None) -> bool:  # noqa: ANN001 - slack_sdk's signature
            wait = retry_after(response.headers) if response is not None else None
            return super()._can_retry(state=state, request=request, response=response, error=error) and (
                wait is not None and wait <= SHORT_WAIT)

    return ShortRateLimitRetry(max_retry_count=1)


def same_api(client, token: str):
    """A client like `client` (same Web API URL and retries) for another workspace's bot token."""
    from slack_sdk import WebClient
    return WebClient(token=token or None, base_url=client.base_url, timeout=client.timeout,
                     retry_handlers=client.retry_handlers)


def for_outbox(client):
    """The outbox's client: like `client`, but a 429 comes back at once with its Retry-After, for
    the outbox to schedule the message then (a sleeping sender would hold a command's answer)."""
    from delivery.slack import without_rate_limit_waits
    return without_rate_limit_waits(client)


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

        from installations import BOT_SCOPES, RememberedAuthorizations, installation_store, state_store
        oauth = OAuthSettings(client_id=settings.client_id, client_secret=settings.client_secret, scopes=list(BOT_SCOPES),
                              installation_store=installation_store(rt.engine, settings), state_store=state_store(rt.engine),
                              install_path="/slack/install", redirect_uri_path="/slack/oauth_redirect",
                              redirect_uri=f"{settings.public_url}/slack/oauth_redirect" if settings.public_url else None)
        # Bolt would call auth.test on every request; its own cache never forgets, this one does.
        oauth.authorize.cache_enabled = True
        oauth.authorize.authorize_result_cache = RememberedAuthorizations()
    # A name, or Bolt reads the source of every frame on the stack to make one up (0.1 s a build).
    app = App(name="regiowacht", client=client, signing_secret=settings.signing_secret, process_before_response=True,
              oauth_settings=oauth, installation_store_bot_only=True if oauth else None)
    if oauth:
        app.enable_token_revocation_listeners()  # app_uninstalled, tokens_revoked: the tokens go

    @app.error
    def on_error(error, body, logger):  # noqa: ANN001 - Bolt's signature
        logger.exception("unhandled error for %s", (body or {}).get("type"), exc_info=error)

    handlers.register(app, rt)
    return app
