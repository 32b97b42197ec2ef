"""Django settings for Nakoming, read from the environment.

With no environment at all the project runs on the *embedded default*: SQLite
and a filesystem Celery broker under ``var/``, so a real worker and beat run
without any server. ``DATABASE_URL`` and ``REDIS_URL`` switch to PostgreSQL and
Redis. See the README for every variable.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import dj_database_url
from celery.schedules import crontab
from django.core.exceptions import ImproperlyConfigured

from tracker.env import env_bool, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(env_str("NAKOMING_VAR_DIR") or BASE_DIR / "var")

DEBUG = env_bool("DEBUG", default=False)

SECRET_KEY = env_str("SECRET_KEY")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off.")
    SECRET_KEY = "development-only-insecure-key-do-not-use-in-production-0123456789"

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])
SITE_URL = (env_str("SITE_URL") or "http://localhost:8000").rstrip("/")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "rest_framework",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "corsheaders",
    "tracker",
    "tracker.alerts.apps.AlertsConfig",
    "tracker.api.apps.ApiConfig",
    "motions",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "tracker.access.DenyByDefaultMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "tracker.urls"
WSGI_APPLICATION = "tracker.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# --- Database ---------------------------------------------------------------
DATABASE_URL = env_str("DATABASE_URL")
if not DATABASE_URL:
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    DATABASE_URL = f"sqlite:///{VAR_DIR / 'nakoming.sqlite3'}"
DATABASES = {
    "default": dj_database_url.parse(
        DATABASE_URL, conn_max_age=env_int("DB_CONN_MAX_AGE", 60), conn_health_checks=True
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the web process read while the worker writes.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA busy_timeout=20000;",
        "transaction_mode": "IMMEDIATE",
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0
IS_POSTGRES = DATABASES["default"]["ENGINE"].endswith("postgresql")
if IS_POSTGRES:
    # psycopg prepares only the statements asked to be (the REST feed's page statements,
    # tracker/api/v1/sql_json.py); Django's own cursors bind on the client and never prepare.
    # (Django's default, None, would turn preparing off altogether.)
    DATABASES["default"].setdefault("OPTIONS", {})["prepare_threshold"] = 10**9
# Covering indexes (INCLUDE) speed up PostgreSQL; SQLite builds them without the
# extra columns, which is all the embedded default needs: nothing to act on.
SILENCED_SYSTEM_CHECKS = [] if IS_POSTGRES else ["models.W040"]
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Auth -------------------------------------------------------------------
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
# Failed logins (tracker/web/login.py): this many within the window lock the
# account, or the address, until the window has passed.
LOGIN_FAILURES_PER_ACCOUNT = env_int("LOGIN_FAILURES_PER_ACCOUNT", 5)
LOGIN_FAILURES_PER_ADDRESS = env_int("LOGIN_FAILURES_PER_ADDRESS", 20)
LOGIN_FAILURE_WINDOW_SECONDS = env_int("LOGIN_FAILURE_WINDOW_SECONDS", 15 * 60)
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

# --- Internationalisation ---------------------------------------------------
LANGUAGE_CODE = "nl"
# The interface is Dutch for everyone: its texts are written in Dutch, so a
# browser asking for English would only get English dates in a Dutch page.
LANGUAGES = [("nl", "Nederlands")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

# --- Static and media -------------------------------------------------------
STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_ROOT = Path(env_str("MEDIA_ROOT") or VAR_DIR / "media")
MEDIA_URL = "media/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
MAX_UPLOAD_SIZE = env_int("MAX_UPLOAD_SIZE", 50 * 1024 * 1024)
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# --- E-mail -----------------------------------------------------------------
EMAIL_URL_HOST = env_str("EMAIL_HOST")
if EMAIL_URL_HOST:
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST = EMAIL_URL_HOST
    EMAIL_PORT = env_int("EMAIL_PORT", 587)
    EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "") or ""
    EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", "") or ""
    EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", default=EMAIL_PORT == 587)
    EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", default=False)
    EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 30)
else:
    EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    EMAIL_FILE_PATH = VAR_DIR / "mail"
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL") or "Nakoming <nakoming@localhost>"
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- Celery -----------------------------------------------------------------
REDIS_URL = env_str("REDIS_URL")
CELERY_BROKER_DIR = VAR_DIR / "broker"
if REDIS_URL:
    CELERY_BROKER_URL = REDIS_URL
    CELERY_RESULT_BACKEND = REDIS_URL
    CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": 3600}
else:
    CELERY_BROKER_URL = "filesystem://"
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "data_folder_in": str(CELERY_BROKER_DIR / "queue"),
        "data_folder_out": str(CELERY_BROKER_DIR / "queue"),
        "processed_folder": str(CELERY_BROKER_DIR / "processed"),
        "control_folder": str(CELERY_BROKER_DIR / "control"),
        "store_processed": False,
    }
    CELERY_RESULT_BACKEND = f"file://{CELERY_BROKER_DIR / 'results'}"
    for _folder in ("queue", "processed", "results", "control"):
        (CELERY_BROKER_DIR / _folder).mkdir(parents=True, exist_ok=True)
CELERY_TIMEZONE = TIME_ZONE
CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_RESULT_EXPIRES = timedelta(hours=6)
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_TRACK_STARTED = True
CELERY_TASK_SOFT_TIME_LIMIT = env_int("CELERY_TASK_SOFT_TIME_LIMIT", 600)
CELERY_TASK_TIME_LIMIT = env_int("CELERY_TASK_TIME_LIMIT", 660)
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# Memory ceilings (tracker/ingest/limits.py): a child whose resident memory
# passed this after a task is replaced; each child's address space is capped,
# so a document that needs more fails alone with MemoryError (0: no cap).
CELERY_WORKER_MAX_MEMORY_PER_CHILD = env_int("WORKER_MAX_MEMORY_PER_CHILD_MB", 600) * 1024  # in KiB
WORKER_MEMORY_LIMIT_MB = env_int("WORKER_MEMORY_LIMIT_MB", 2048)
# A document whose processing killed its worker this many times is failed
# (poison): it keeps its file and a user can retry it by hand.
DOCUMENT_MAX_ATTEMPTS = env_int("DOCUMENT_MAX_ATTEMPTS", 3)
# Sending a message while the broker is down fails within seconds instead of
# holding the uploader's request: the row is kept and the queue sweep sends it.
CELERY_BROKER_CONNECTION_TIMEOUT = 2
CELERY_TASK_PUBLISH_RETRY_POLICY = {"max_retries": 1, "interval_start": 0, "interval_step": 0.5,
                                    "interval_max": 0.5}
CELERY_BEAT_SCHEDULE_FILENAME = str(VAR_DIR / "celerybeat-schedule")
CELERY_BEAT_SCHEDULE = {
    "release-stuck-documents": {
        "task": "tracker.ingest.release_stuck_documents",
        "schedule": timedelta(minutes=10),
        "options": {"expires": 9 * 60},
    },
    # Documents whose message never reached the broker (it was down) or was lost.
    "queue-pending-documents": {
        "task": "tracker.ingest.queue_pending_documents",
        "schedule": timedelta(minutes=1),
        "options": {"expires": 50},
    },
    "reextract-outdated": {
        "task": "tracker.ingest.reextract_outdated",
        "schedule": crontab(minute="30", hour="3"),
        "options": {"expires": 3600},
    },
    "flag-overdue": {
        "task": "tracker.followup.flag_overdue",
        "schedule": crontab(minute=env_str("FLAG_OVERDUE_MINUTE") or "5", hour="*"),
        "options": {"expires": 50 * 60},
    },
    # Deadline alerts (tracker/alerts): events after flag-overdue, digests at 7:00
    # (daily on weekdays, weekly on Monday), and a sweep that sends and retries.
    "alerts-collect-events": {
        "task": "tracker.alerts.collect_events",
        "schedule": crontab(minute="20", hour="*"),
        "options": {"expires": 50 * 60},
    },
    "alerts-daily-digest": {
        "task": "tracker.alerts.build_digests",
        "schedule": crontab(minute="0", hour="7", day_of_week="1-5"),
        "args": ("daily",),
        "options": {"expires": 23 * 3600},
    },
    "alerts-weekly-digest": {
        "task": "tracker.alerts.build_digests",
        "schedule": crontab(minute="0", hour="7", day_of_week="1"),
        "args": ("weekly",),
        "options": {"expires": (7 * 24 - 1) * 3600},
    },
    "alerts-send-pending": {
        "task": "tracker.alerts.send_pending",
        "schedule": timedelta(minutes=5),
        "options": {"expires": 4 * 60},
    },
}

# --- Product settings -------------------------------------------------------
DUE_SOON_DAYS = env_int("DUE_SOON_DAYS", 14)
# An adopted motion with no citation or status change this many months after
# the vote is listed as lacking follow-up (motions register).
MOTION_FOLLOWUP_MONTHS = env_int("MOTION_FOLLOWUP_MONTHS", 6)

# --- The Tweede Kamer's open data (tracker/opendata, manage.py sync_tk) ----------
TK_ODATA_URL = (env_str("TK_ODATA_URL") or "https://gegevensmagazijn.tweedekamer.nl/OData/v4/2.0").rstrip("/")
# Hourly sync by beat; off by default so the embedded setup stays offline.
TK_SYNC_ENABLED = env_bool("TK_SYNC_ENABLED", default=False)
# Document.Soort values whose files are downloaded and ingested.
TK_DOCUMENT_SOORTEN = env_list("TK_DOCUMENT_SOORTEN", [
    "Brief regering", "Antwoord schriftelijke vragen", "Lijst van vragen en antwoorden",
    "Verslag van een schriftelijk overleg", "Nota naar aanleiding van het verslag",
    "Verslag van een commissiedebat", "Verslag van een notaoverleg", "Verslag van een wetgevingsoverleg",
])
TK_REQUESTS_PER_SECOND = float(env_str("TK_REQUESTS_PER_SECOND") or "2")
TK_HTTP_TIMEOUT = env_int("TK_HTTP_TIMEOUT", 30)
if TK_SYNC_ENABLED:
    CELERY_BEAT_SCHEDULE["tk-sync"] = {
        "task": "tracker.opendata.sync_tk",
        "schedule": crontab(minute="40", hour="*"),
        "options": {"expires": 50 * 60},
    }

# --- REST framework (the API for parliament systems, /api/v1/) ----------------
# The API's own views set their authentication (token, session), permissions
# and throttles in tracker/api/v1/base.py; these defaults cover anything else.
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    # Proxies in front of gunicorn that append to X-Forwarded-For; 0 trusts only the
    # connecting address, so a made-up header cannot buy a new throttle budget.
    "NUM_PROXIES": env_int("API_NUM_PROXIES", 0),
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Nakoming API",
    "DESCRIPTION": "Toezeggingen en moties van de Tweede Kamer. Zie docs/api.md.",
    "VERSION": "1.0.0",
    "SCHEMA_PATH_PREFIX": r"/api/v1",
    "PREPROCESSING_HOOKS": ["tracker.api.v1.schema.only_api_v1"],
    "COMPONENT_SPLIT_REQUEST": True,
    "ENUM_NAME_OVERRIDES": {
        "CommitmentKindEnum": "tracker.models.Commitment.Kind",
        "CommitmentStatusEnum": "tracker.models.Commitment.Status",
        "DocumentKindEnum": "tracker.models.Document.Kind",
        "DocumentStatusEnum": "tracker.models.Document.Status",
        "PrecisionEnum": "tracker.models.commitments.PRECISION_CHOICES",
    },
    "SERVE_INCLUDE_SCHEMA": False,
    "SERVE_PERMISSIONS": ["tracker.api.auth.ApiAccess"],
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
}
# Anyone may read the API without a token when on (writes always need one).
API_PUBLIC_READ = env_bool("API_PUBLIC_READ", default=False)
API_THROTTLE_RATES = {
    "token": env_str("API_THROTTLE_RATE") or "10000/hour",
    "anon": env_str("API_THROTTLE_ANON_RATE") or "1000/hour",
}
# List responses are cached per URL and data version (the last change of every
# table a list shows), so polling consumers cost two small queries; the TTL
# bounds staleness should a write ever skip updated_at. 0 turns it off.
API_CACHE_SECONDS = env_int("API_CACHE_SECONDS", 60)
# Larger answers (a mirror's pages of a thousand) are not kept: read once, they would only
# push out the answers pollers repeat.
API_CACHE_MAX_BYTES = env_int("API_CACHE_MAX_BYTES", 262144)
# Throttle counters and cached lists live in Redis when there is one, so every
# gunicorn worker shares them; otherwise per process.
API_CACHE = API_THROTTLE_CACHE = "api"
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    # Short timeouts: when Redis is down the API answers without cache and throttle, promptly.
    API_CACHE: {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL,
                "KEY_PREFIX": "nakoming-api",
                "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 1}}
    if REDIS_URL
    else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "nakoming-api"},
}
CORS_ALLOWED_ORIGINS = env_list("CORS_ALLOWED_ORIGINS", [])
CORS_URLS_REGEX = r"^/api/.*$"
CORS_EXPOSE_HEADERS = ["ETag", "Last-Modified"]

# --- Security (production) ----------------------------------------------------
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
if not DEBUG:
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", default=True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL") or "INFO"},
    # kombu warns on every publish that a filesystem/memory broker URL has no host name.
    "loggers": {"kombu.connection": {"level": "ERROR"}},
}
