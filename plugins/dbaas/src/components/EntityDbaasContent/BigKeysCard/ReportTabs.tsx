import type { KeyScanReport } from '@justmanage/plugin-dbaas-common';
import Box from '@material-ui/core/Box';
import Tab from '@material-ui/core/Tab';
import Tabs from '@material-ui/core/Tabs';
import Typography from '@material-ui/core/Typography';
import { useState } from 'react';
import { elementsLabel, KeysTable } from './KeysTable';
import { PatternsTable } from './PatternsTable';

const TABS = ['By memory', 'By elements', 'Key patterns'] as const;

/** The report's three views: top keys by memory, by elements per type, patterns. */
export function ReportTabs(props: { report: KeyScanReport }) {
  const { report } = props;
  const [tab, setTab] = useState(0);
  return (
    <>
      <Tabs
        value={tab}
        onChange={(_, value) => setTab(value)}
        indicatorColor="primary"
        aria-label="Key scan views"
      >
        {TABS.map(label => (
          <Tab key={label} label={label} />
        ))}
      </Tabs>
      <Box mt={1} role="tabpanel" aria-label={TABS[tab]}>
        {tab === 0 && (
          <KeysTable keys={report.topByMemory} label="Top keys by memory" />
        )}
        {tab === 1 &&
          report.topByElements.map(({ type, keys }) => (
            <Box key={type} mb={2}>
              <Typography variant="subtitle2" component="h3">
                {type}
              </Typography>
              <KeysTable
                keys={keys}
                label={`Top ${type} keys`}
                elementsHeading={elementsLabel(type)}
              />
            </Box>
          ))}
        {tab === 2 && <PatternsTable report={report} />}
      </Box>
    </>
  );
}
