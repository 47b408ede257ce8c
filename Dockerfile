FROM python:3.11-slim
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1
WORKDIR /app
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
COPY . .
RUN useradd --create-home --uid 10001 regiowacht && chown -R regiowacht /app
USER regiowacht
EXPOSE 3000
# bot.py migrates the database on start, then serves Slack and runs the schedule.
CMD ["python", "bot.py"]
