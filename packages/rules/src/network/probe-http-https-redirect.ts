import { defineRule } from '@coditect-audit/core';
import { httpResource } from '../util/probe.js';

/** ADR-001 Issue 8: HTTPS in front of the app; plain HTTP must not serve it, and browsers should be told so (HSTS). */
export default defineRule({
  id: 'probe-http-https-redirect',
  title: 'Plain HTTP serves the app instead of redirecting to HTTPS, or HSTS is missing',
  concerns: ['network.https-redirect'],
  layer: 'probe',
  facets: ['probe.http'],
  description:
    'GETs the liveness path over plain HTTP (`httpUrl`, default `http://<host of baseUrl>`), without following: a redirect (301/302/307/308) to `https://` on the same host passes, and so does a port that refuses or drops the connection (plain HTTP is not served). An answer in plaintext, or a redirect to another host or to `http://`, fails. The HTTPS answers must also carry `Strict-Transport-Security` with a positive max-age.',
  rationale:
    'ADR-001 Issue 8: the API was public over plain HTTP; tokens and license keys crossed the internet in clear. Redirecting HTTP to HTTPS keeps old links working without serving data in plaintext, and HSTS stops browsers from trying plain HTTP again.',
  remediation: {
    text: 'Redirect HTTP to HTTPS at the load balancer (GKE FrontendConfig `redirectToHttps`) and send HSTS from the app or the load balancer.',
    commands: [
      'apiVersion: networking.gke.io/v1beta1\nkind: FrontendConfig\nmetadata: { name: coditect-backend-frontend, namespace: coditect-staging }\nspec: { redirectToHttps: { enabled: true } }',
      'kubectl annotate ingress coditect-backend networking.gke.io/v1beta1.FrontendConfig=coditect-backend-frontend -n coditect-staging',
      'SECURE_HSTS_SECONDS = 31536000  # Django settings',
    ],
  },
  benchmarks: [],
  messages: {
    servesPlaintext: '{{url}} answered {{status}} over plain HTTP instead of redirecting to HTTPS.',
    badRedirect: '{{url}} redirects to {{location}}, not to HTTPS on {{host}}.',
    redirects: '{{url}} redirects to {{location}}.',
    notServed: 'Plain HTTP is not served at {{url}} ({{detail}}).',
    noHsts: '{{baseUrl}} sends no Strict-Transport-Security header with a positive max-age ({{observed}}).',
    hsts: '{{baseUrl}} sends Strict-Transport-Security: {{observed}}.',
  },
  check(ctx) {
    const d = ctx.facet('probe.http');
    const resource = httpResource(d);
    const p = d.plainHttp;
    const evidence = [
      { path: `GET ${p.url}`, observed: p.status ?? p.outcome, expected: `a redirect to https://${d.host}` },
    ];
    if (p.outcome === 'redirect') {
      if (p.toHttps && p.sameHost)
        ctx.pass({
          resource,
          messageId: 'redirects',
          data: { url: p.url, location: p.location ?? '' },
          discriminator: 'redirect',
          evidence,
        });
      else
        ctx.fail({
          resource,
          messageId: 'badRedirect',
          data: { url: p.url, location: p.location ?? '?', host: d.host },
          discriminator: 'redirect',
          evidence,
        });
    } else if (p.outcome === 'answered') {
      ctx.fail({
        resource,
        messageId: 'servesPlaintext',
        data: { url: p.url, status: p.status ?? 0 },
        discriminator: 'redirect',
        evidence,
      });
    } else if (p.outcome === 'refused' || p.outcome === 'timeout') {
      ctx.pass({
        resource,
        messageId: 'notServed',
        data: { url: p.url, detail: p.detail ?? p.outcome },
        discriminator: 'redirect',
        evidence,
      });
    } else ctx.skip(`plain HTTP at ${p.url} could not be checked (${p.detail ?? p.outcome})`, resource);

    if (!d.https) return;
    const hsts = d.live.hsts ?? d.ready.hsts;
    const maxAge = Number(/max-age\s*=\s*"?(\d+)/i.exec(hsts ?? '')?.[1] ?? 0);
    const data = { baseUrl: d.baseUrl, observed: hsts ?? 'absent' };
    const hstsEvidence = [{ path: 'Strict-Transport-Security', observed: hsts ?? null, expected: 'max-age > 0' }];
    if (maxAge > 0) ctx.pass({ resource, messageId: 'hsts', data, discriminator: 'hsts', evidence: hstsEvidence });
    else ctx.fail({ resource, messageId: 'noHsts', data, discriminator: 'hsts', evidence: hstsEvidence });
  },
});
