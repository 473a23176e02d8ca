import { renderInTestApp } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import { AdvisoryList } from './AdvisoryList';
import { luaUaf, tlsUaf } from './versionFixtures';

describe('AdvisoryList', () => {
  it.each([
    [
      false,
      [
        'Needs TLS, which this instance does not use: not exposed unless TLS is turned on.',
      ],
      [],
    ],
    [true, [], []],
  ])(
    'on an instance with TLS %s marks what needs a feature it does not use',
    async (usesTls, tlsRow, luaRow) => {
      await renderInTestApp(
        <AdvisoryList advisories={[tlsUaf, luaUaf]} usesTls={usesTls} />,
      );
      const [tls, lua] = screen.getAllByRole('row').slice(1);
      const notes = (row: HTMLElement) =>
        within(row)
          .queryAllByText(/^Needs /)
          .map(n => n.textContent);
      expect(notes(tls)).toEqual(tlsRow);
      expect(notes(lua)).toEqual(luaRow);
    },
  );
});
