import { render, screen } from '@testing-library/react';
import { EngineVersion } from './EngineVersion';

describe('EngineVersion', () => {
  it('shows the upstream release first and the build as a detail', () => {
    const { container } = render(
      <EngineVersion engine="redis" version="7.0.15+deb12u7" />,
    );
    expect(container).toHaveTextContent(/^Redis 7\.0\.15 \(build deb12u7\)$/);
    expect(screen.getByText('(build deb12u7)')).toHaveAttribute(
      'title',
      'Build 7.0.15+deb12u7',
    );
  });

  it('shows a version without a build as it is', () => {
    const { container } = render(
      <EngineVersion engine="valkey" version="8.0.1" />,
    );
    expect(container).toHaveTextContent(/^Valkey 8\.0\.1$/);
  });
});
