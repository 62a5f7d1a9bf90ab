import type { RuleCases } from '../cases.js';

export default {
  pass: [
    {
      name: 'the ADR fix: the runtime stage ends with USER django',
      files: {
        Dockerfile: `FROM python:3.12-slim AS builder
RUN pip install --user -r requirements.txt

FROM python:3.12-slim
COPY --from=builder /root/.local /home/django/.local
RUN useradd -m -u 1000 django
USER django
`,
      },
    },
    {
      name: 'USER 1000:1000 (UID and GID)',
      files: { Dockerfile: 'FROM python:3.12-slim\nUSER 1000:1000\n' },
    },
    {
      name: 'only the final stage counts: a root builder stage is fine',
      files: {
        Dockerfile: `FROM node:22 AS build
USER root
RUN npm ci

FROM node:22-slim
USER node
`,
      },
    },
    {
      name: 'the user is inherited from the stage the final stage is built on',
      files: {
        Dockerfile: `FROM python:3.12-slim AS base
USER 10001

FROM base
COPY app /app
`,
      },
    },
    {
      name: 'USER from a build argument with a default',
      files: {
        Dockerfile: `FROM python:3.12-slim
ARG APP_UID=1000
USER \${APP_UID}
`,
      },
    },
    {
      name: 'a Windows Dockerfile (read as docker build -f reads it) has no root user to judge',
      files: {
        Dockerfile: 'FROM python:3.12-slim\nUSER 1000\n',
        'windows/Dockerfile-WINDOWS_LTSC2022':
          'FROM mcr.microsoft.com/dotnet/framework/aspnet:4.8-windowsservercore-ltsc2022\nCOPY site /inetpub/wwwroot\n',
      },
    },
    {
      name: 'a distroless :nonroot base needs no USER line',
      files: { Dockerfile: 'FROM gcr.io/distroless/python3-debian12:nonroot\nCOPY app /app\n' },
    },
  ],
  fail: [
    {
      name: 'no USER in the final stage: located at its FROM',
      files: {
        Dockerfile: `FROM python:3.12-slim AS builder
USER 1000

FROM python:3.12-slim AS runtime
COPY --from=builder /app /app
`,
      },
      expect: [{ messageId: 'noUser', file: 'Dockerfile', line: 4, column: 1 }],
    },
    {
      name: 'USER root after a non-root USER',
      files: {
        Dockerfile: `FROM python:3.12-slim
RUN useradd -m -u 1000 django
USER django
RUN apt-get update
USER root
`,
      },
      expect: [{ messageId: 'explicitRoot', file: 'Dockerfile', line: 5, column: 1 }],
    },
    {
      name: 'USER 0',
      files: { 'services/api/Dockerfile': 'FROM alpine:3.22\nUSER 0\n' },
      expect: [{ messageId: 'explicitRoot', file: 'services/api/Dockerfile', line: 2, column: 1 }],
    },
    {
      name: 'USER 0:0',
      files: { Dockerfile: 'FROM alpine:3.22\n  USER 0:0\n' },
      expect: [{ messageId: 'explicitRoot', file: 'Dockerfile', line: 2, column: 3 }],
    },
    {
      name: 'ARG-expanded FROM with no USER: located at the FROM line',
      files: {
        Dockerfile: `ARG PYTHON_VERSION=3.12
FROM python:\${PYTHON_VERSION}-slim
COPY . /app
`,
      },
      expect: [{ messageId: 'noUser', file: 'Dockerfile', line: 2, column: 1 }],
    },
    {
      name: 'USER root from a build argument default',
      files: {
        Dockerfile: `FROM python:3.12-slim
ARG RUN_AS=root
USER $RUN_AS
`,
      },
      expect: [{ messageId: 'explicitRoot', file: 'Dockerfile', line: 3, column: 1 }],
    },
  ],
} satisfies RuleCases;
