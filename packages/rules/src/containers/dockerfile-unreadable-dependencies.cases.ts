import type { RuleCases } from '../cases.js';

const builder = `FROM python:3.12-slim AS builder
WORKDIR /app
COPY requirements.txt .
RUN pip install --user -r requirements.txt
COPY . .
`;

export default {
  pass: [
    {
      name: 'the ADR fix: packages in the django home, owned by django',
      files: {
        Dockerfile: `${builder}
FROM python:3.12-slim
COPY --from=builder /root/.local /home/django/.local
COPY --from=builder /app /app
ENV PATH=/home/django/.local/bin:$PATH
RUN useradd -m -u 1000 django && chown -R django:django /app /home/django/.local
USER django
`,
      },
    },
  ],
  fail: [
    {
      name: 'the ADR blocker: /root/.local copied and on PATH, USER django',
      files: {
        Dockerfile: `${builder}
FROM python:3.12-slim
COPY --from=builder /root/.local /root/.local
COPY --from=builder /app /app
ENV PATH=/root/.local/bin:$PATH
RUN useradd -m -u 1000 django && chown -R django:django /app
USER django
`,
      },
      expect: [
        { messageId: 'copiedUnderRoot', file: 'Dockerfile', line: 8, column: 1 },
        { messageId: 'pathUnderRoot', file: 'Dockerfile', line: 10, column: 1 },
      ],
    },
    {
      name: 'USER given as a UID',
      files: {
        Dockerfile: `FROM python:3.12-slim
COPY vendor /root/deps
USER 1000:1000
`,
      },
      expect: [{ messageId: 'copiedUnderRoot', file: 'Dockerfile', line: 2, column: 1 }],
    },
  ],
} satisfies RuleCases;
