FROM python:3.11-slim
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1
WORKDIR /app
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
COPY . .
RUN useradd --create-home --uid 10001 regiowacht && chown -R regiowacht /app
USER regiowacht
EXPOSE 3000
# Healthy while /health answers 200, i.e. the database answers, in HTTP and Socket Mode alike (the
# slim image has no curl). compose.yaml publishes nginx, not this port.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["python", "-c", "import os, urllib.request; urllib.request.urlopen('http://127.0.0.1:%s/health' % os.environ.get('PORT', '3000'), timeout=4)"]
# bot.py migrates the database on start, then serves Slack and runs the schedule.
CMD ["python", "bot.py"]
