for (const m of ['google-auth-library','@google-cloud/sql','@google-cloud/redis','@google-cloud/kms','@google-cloud/secret-manager','@google-cloud/artifact-registry','@google-cloud/service-usage','@google-cloud/container','@google-cloud/monitoring','@google-cloud/compute','@google-cloud/resource-manager']) {
  const t = performance.now(); await import(m); console.log(m, Math.round(performance.now() - t), 'ms');
}
