import { renderTemplate } from './template';

describe('renderTemplate', () => {
  const ctx = {
    env: { NOMAD_PORT_redis: '18400' },
    variable: (path: string) =>
      path === 'nomad/jobs/a'
        ? { conf: 'maxmemory 1mb', acl: 'user x' }
        : undefined,
  };

  it('renders env, nomadVar items by field and by index, and trims with dashes', () => {
    const result = renderTemplate(
      'port {{ env "NOMAD_PORT_redis" }}\n{{- with nomadVar "nomad/jobs/a" }}\n{{ .conf }}\n{{ index . "acl" }}{{ end }}\n',
      ctx,
    );
    expect(result).toEqual({ text: 'port 18400\nmaxmemory 1mb\nuser x\n' });
  });

  it('reports the variables it waits for', () => {
    expect(
      renderTemplate(
        '{{ with nomadVar "nomad/jobs/b" }}{{ .x }}{{ end }}',
        ctx,
      ),
    ).toEqual({
      missing: ['nomad/jobs/b'],
    });
  });

  it('refuses functions it does not know, as consul-template does', () => {
    expect(() => renderTemplate('{{ key "x" }}', ctx)).toThrow(
      'function "key" not defined',
    );
  });
});
