import type { RuleCases } from '../cases.js';

export default {
  pass: [
    {
      name: "the ADR's Python 3.12 builder and runtime stages",
      files: {
        Dockerfile: `FROM python:3.12-slim AS builder
RUN pip install --user -r requirements.txt
FROM python:3.12-slim
COPY --from=builder /root/.local /home/django/.local
USER django
`,
      },
    },
    {
      name: 'supported releases on supported distributions; a stage built on a stage is not checked twice',
      files: {
        Dockerfile: `FROM node:22-alpine3.22 AS web
FROM web AS test
FROM python:3.13-slim-bookworm
`,
        'db/Dockerfile': 'FROM postgres:17.2\n',
      },
    },
    {
      name: 'a distroless image on Debian 12, its release named in the repository',
      files: { Dockerfile: 'FROM golang:1.26 AS build\nFROM gcr.io/distroless/static-debian12:nonroot\n' },
    },
  ],
  fail: [
    {
      name: 'Go 1.14 on Debian buster in a builder stage: both past their end of life; Go 1.22.3 by its cycle',
      files: {
        Dockerfile:
          'FROM golang:1.14-buster AS build\nFROM golang:1.22.3-alpine AS tools\nFROM gcr.io/distroless/static-debian12:nonroot\n',
      },
      expect: [
        { messageId: 'endOfLife', file: 'Dockerfile', line: 1, column: 1 },
        { messageId: 'endOfLife', file: 'Dockerfile', line: 1, column: 1 },
        { messageId: 'endOfLife', file: 'Dockerfile', line: 2, column: 1 },
      ],
    },
    {
      name: 'Python 3.8 and Debian buster in one tag: two findings on the same FROM',
      files: { Dockerfile: 'FROM python:3.8-slim-buster\nUSER 1000\n' },
      expect: [
        { messageId: 'endOfLife', file: 'Dockerfile', line: 1, column: 1 },
        { messageId: 'endOfLife', file: 'Dockerfile', line: 1, column: 1 },
      ],
    },
    {
      name: 'an end-of-life builder stage counts; ARG-expanded FROM',
      files: {
        Dockerfile: `ARG NODE_VERSION=16
FROM node:\${NODE_VERSION}-alpine AS assets
RUN npm ci && npm run build

FROM nginx:1.27
COPY --from=assets /app/dist /usr/share/nginx/html
`,
      },
      expect: [{ messageId: 'endOfLife', file: 'Dockerfile', line: 2, column: 1 }],
    },
    {
      name: 'distribution images by number and codename, Alpine in a tag suffix',
      files: {
        'images/ubuntu.Dockerfile': 'FROM ubuntu:18.04\n',
        'images/debian.Dockerfile': 'FROM debian:stretch-slim\n',
        'images/redis.Dockerfile': 'FROM redis:6.0.9-alpine3.17\n',
      },
      expect: [
        { messageId: 'endOfLife', file: 'images/debian.Dockerfile', line: 1, column: 1 },
        { messageId: 'endOfLife', file: 'images/redis.Dockerfile', line: 1, column: 1 },
        { messageId: 'endOfLife', file: 'images/redis.Dockerfile', line: 1, column: 1 },
        { messageId: 'endOfLife', file: 'images/ubuntu.Dockerfile', line: 1, column: 1 },
      ],
    },
    {
      // Distroless names the Debian release in the repository (base-debian11), not in a tag.
      name: 'a distroless image on Debian 11, past its end of life',
      files: { 'authsvc/Dockerfile': 'FROM golang:1.26 AS build\n\nFROM gcr.io/distroless/base-debian11\n' },
      expect: [{ messageId: 'endOfLife', file: 'authsvc/Dockerfile', line: 3, column: 1 }],
    },
    {
      name: 'PostgreSQL 9.6 through the docker.io/library name, pinned by digest',
      files: {
        Dockerfile:
          'FROM docker.io/library/postgres:9.6@sha256:ebca8fb332ffcbcbb6125f6a2b121d5ece38ac47ea97a90872f0c9cbaa3baa69\n',
      },
      expect: [{ messageId: 'endOfLife', file: 'Dockerfile', line: 1, column: 1 }],
    },
  ],
} satisfies RuleCases;
