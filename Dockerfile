FROM python:3.11-slim
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1
WORKDIR /app
COPY requirements.txt constraints.txt ./
RUN pip install --no-cache-dir -r requirements.txt -c constraints.txt
COPY . .
RUN SECRET_KEY=build-only python manage.py collectstatic --noinput \
    && useradd --create-home nakoming && mkdir -p /data && chown nakoming /data
USER nakoming
EXPOSE 8000
CMD ["sh", "-c", "python manage.py migrate --noinput && gunicorn tracker.wsgi:application --bind 0.0.0.0:8000"]
