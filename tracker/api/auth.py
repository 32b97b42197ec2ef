"""Who may call the API: token authentication, permissions per scope, throttles per token."""

from __future__ import annotations

import datetime as dt
import logging
from time import time as clock
from typing import Any

from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.redis import RedisCache
from django.utils import timezone
from django.utils.translation import gettext as _
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from rest_framework import authentication, exceptions, permissions, throttling
from rest_framework.request import Request

from tracker.api.models import ApiToken
from tracker.api.tokens import api_token_lookup

# Writing last_used_at on every request would add a write per read; once a
# minute tells an administrator which systems are alive just as well.
LAST_USED_RESOLUTION = dt.timedelta(minutes=1)
logger = logging.getLogger(__name__)


class ApiTokenAuthentication(authentication.BaseAuthentication):
    """``Authorization: Bearer <token>`` (``Token <token>`` is accepted too)."""

    keywords = ("bearer", "token")

    def authenticate(self, request: Request) -> tuple[object, ApiToken] | None:
        header = authentication.get_authorization_header(request).split()
        if not header or header[0].decode("latin-1").lower() not in self.keywords:
            return None
        if len(header) != 2:
            raise exceptions.AuthenticationFailed(_("Ongeldige Authorization-header: verwacht 'Bearer <token>'."))
        try:
            raw = header[1].decode("ascii")
        except UnicodeDecodeError as exc:
            raise exceptions.AuthenticationFailed(_("Het token bevat ongeldige tekens.")) from exc
        token = api_token_lookup(raw)
        if token is None or not token.user.is_active:
            raise exceptions.AuthenticationFailed(_("Onbekend of ingetrokken token."))
        now = timezone.now()
        if token.last_used_at is None or now - token.last_used_at > LAST_USED_RESOLUTION:
            ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
        return token.user, token

    def authenticate_header(self, request: Request) -> str:
        return 'Bearer realm="api"'


class ApiTokenScheme(OpenApiAuthenticationExtension):
    target_class = "tracker.api.auth.ApiTokenAuthentication"
    name = "tokenAuth"

    def get_security_definition(self, auto_schema):  # type: ignore[no-untyped-def]
        return {
            "type": "http",
            "scheme": "bearer",
            "description": "Een API-token per systeem, aangemaakt door een beheerder.",
        }


def api_token(request: Request) -> ApiToken | None:
    return request.auth if isinstance(request.auth, ApiToken) else None


# A logged-in web user reads the API with the same right as the pages: a role
# that may view commitments. Logged in without a role is not enough.
READ_PERMISSION = "tracker.view_commitment"


def _session_reader(request: Request) -> bool:
    user = request.user
    return bool(user.is_authenticated and user.is_active and user.has_perm(READ_PERMISSION))


class ApiAccess(permissions.BasePermission):
    """Reading: any token, a logged-in user with a role, or anyone when API_PUBLIC_READ is on.
    Writing: only a token with the read-write scope."""

    message = _("Schrijven via de API vraagt een token met schrijfrechten (read_write).")

    def has_permission(self, request: Request, view: object) -> bool:
        token = api_token(request)
        if request.method in permissions.SAFE_METHODS:
            if token is not None or _session_reader(request):
                return True
            if request.user.is_authenticated:
                self.message = _("Uw account heeft geen rol die de API mag lezen.")
                return False
            return bool(settings.API_PUBLIC_READ)
        return token is not None and token.can_write


class SignedIn(permissions.BasePermission):
    """One's own things (calendar feeds): a logged-in user with a role, or a token;
    changing them (POST, DELETE) with a token needs the read-write scope."""

    message = _("Dit vraagt een rol, of een token met schrijfrechten (read_write) om iets te wijzigen.")

    def has_permission(self, request: Request, view: object) -> bool:
        token = api_token(request)
        if token is not None:
            return request.method in permissions.SAFE_METHODS or token.can_write
        return _session_reader(request)


class _ConfiguredRateThrottle(throttling.BaseThrottle):
    """A sliding-window counter per client, rates from settings.API_THROTTLE_RATES ("N/second|minute|hour|day").

    DRF's SimpleRateThrottle keeps a list of every request's time and rewrites it
    on each request: at 10,000/hour that is 80 kB through the cache per request.
    Here each client has one counter per fixed window; the estimate weighs the
    previous window by how much of it still overlaps the sliding one, so there is
    no burst at window edges. Two cache operations per request.
    """

    scope = ""
    PERIODS = {"s": 1, "m": 60, "h": 3600, "d": 86400}

    def __init__(self) -> None:
        self.wait_seconds: float | None = None

    def ident(self, request: Request) -> str | None:
        raise NotImplementedError

    def allow_request(self, request: Request, view: object) -> bool:
        rate = settings.API_THROTTLE_RATES.get(self.scope)
        ident = self.ident(request) if rate else None
        if ident is None:
            return True
        count, _slash, period = rate.partition("/")
        limit, seconds = int(count), self.PERIODS[period[:1]]
        now = clock()
        window = int(now // seconds)
        current, previous = (f"throttle:{self.scope}:{ident}:{seconds}:{w}" for w in (window, window - 1))
        cache = caches[settings.API_THROTTLE_CACHE]
        overlap = 1 - (now - window * seconds) / seconds
        if isinstance(cache, RedisCache):
            allowed = _redis_allow(cache, current, previous, overlap, limit, 2 * seconds + 1, self.scope)
            if not allowed:
                self.wait_seconds = max(1.0, (window + 1) * seconds - now)
            return allowed
        try:
            counts = cache.get_many([current, previous])
        except Exception:  # the counters' store (Redis) is down: serve, unthrottled, and say so
            logger.warning("throttle store unreachable; %s not throttled", self.scope, exc_info=True)
            return True
        estimate = counts.get(previous, 0) * overlap + counts.get(current, 0)
        if estimate + 1 > limit:
            self.wait_seconds = max(1.0, (window + 1) * seconds - now)
            return False
        try:
            try:
                cache.incr(current)
            except ValueError:  # first request of this window
                if not cache.add(current, 1, 2 * seconds + 1):
                    cache.incr(current)
        except Exception:
            logger.warning("throttle store unreachable; request not counted", exc_info=True)
        return True

    def wait(self) -> float | None:
        return self.wait_seconds


# The same check and count as the generic path, in one round trip to Redis instead of two.
_ALLOW_SCRIPT = """
local current = tonumber(redis.call('GET', KEYS[1]) or '0')
local previous = tonumber(redis.call('GET', KEYS[2]) or '0')
if previous * tonumber(ARGV[1]) + current + 1 > tonumber(ARGV[2]) then return 0 end
if redis.call('INCR', KEYS[1]) == 1 then redis.call('EXPIRE', KEYS[1], ARGV[3]) end
return 1
"""
_script: list = []  # the registered script (its SHA), made on first use
# One redis-py client per connection pool: building one (Django does, per call) fills a
# table of some 170 response callbacks each time.
_clients: dict[int, Any] = {}


def _redis_allow(cache: RedisCache, current: str, previous: str, overlap: float, limit: int, ttl: int,
                 scope: str) -> bool:
    keys = [cache.make_and_validate_key(current), cache.make_and_validate_key(previous)]
    try:
        pool = cache._cache._get_connection_pool(write=True)
        pool_and_client = _clients.get(id(pool))
        if pool_and_client is None or pool_and_client[0] is not pool:
            pool_and_client = _clients[id(pool)] = (pool, cache._cache._client(connection_pool=pool))
        client = pool_and_client[1]
        if not _script:
            _script.append(client.register_script(_ALLOW_SCRIPT))
        return bool(_script[0](keys=keys, args=[repr(overlap), limit, ttl], client=client))
    except Exception:  # the counters' store (Redis) is down: serve, unthrottled, and say so
        logger.warning("throttle store unreachable; %s not throttled", scope, exc_info=True)
        return True


class TokenRateThrottle(_ConfiguredRateThrottle):
    """Per token; logged-in web users are throttled per user."""

    scope = "token"

    def ident(self, request: Request) -> str | None:
        token = api_token(request)
        if token is not None:
            return f"t{token.key_hash[:16]}"
        if request.user.is_authenticated:
            return f"u{request.user.pk}"
        return None


class AnonymousRateThrottle(_ConfiguredRateThrottle):
    """Per client address, for the public read-only mode."""

    scope = "anon"

    def ident(self, request: Request) -> str | None:
        if api_token(request) is not None or request.user.is_authenticated:
            return None
        return "a" + self.get_ident(request)
