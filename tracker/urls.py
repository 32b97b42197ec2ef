from django.conf import settings
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from tracker.web import views
from tracker.web.login import ThrottledAdminAuthenticationForm, ThrottledAuthenticationForm

admin.site.login_form = ThrottledAdminAuthenticationForm

urlpatterns = [
    path("", views.home, name="home"),
    path("inloggen/", auth_views.LoginView.as_view(authentication_form=ThrottledAuthenticationForm), name="login"),
    path("uitloggen/", auth_views.LogoutView.as_view(), name="logout"),
    path("toegankelijkheid/", views.accessibility, name="accessibility"),
    path("gezondheid/", views.health, name="health"),
    path("favicon.ico", views.favicon, name="favicon"),
    path("", include("tracker.ingest.urls")),
    path("", include("tracker.review.urls")),
    path("", include("tracker.opendata.urls")),
    path("", include("tracker.followup.urls")),
    path("", include("tracker.alerts.urls")),
    path("moties/", include("motions.urls")),
    path("api/", include("tracker.api.urls")),
    path("admin/", admin.site.urls),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
