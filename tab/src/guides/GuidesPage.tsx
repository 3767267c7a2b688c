/**
 * The Guides page: mentor guide, mentee guide, mentoring agreement and activity ideas, one at a
 * time behind tabs. Default export only, so the tab can lazy-load it out of its first bundle.
 */
import { useEffect, useState, type JSX } from 'react';
import {
  Body1,
  Button,
  Caption1,
  Link,
  Tab,
  TabList,
  Title2,
  Title3,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { guides, type Guide, type GuideSection } from '../content/guides';

const useStyles = makeStyles({
  page: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`,
    maxWidth: '48rem',
    boxSizing: 'border-box',
  },
  tabs: { flexWrap: 'wrap' },
  contents: { margin: 0, paddingLeft: tokens.spacingHorizontalXL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  section: { scrollMarginTop: tokens.spacingVerticalL },
  heading: { display: 'block', margin: `${tokens.spacingVerticalL} 0 ${tokens.spacingVerticalS}` },
  paragraph: { display: 'block', margin: `0 0 ${tokens.spacingVerticalS}` },
  bullets: { margin: `0 0 ${tokens.spacingVerticalS}`, paddingLeft: tokens.spacingHorizontalXL },
  bullet: { marginBottom: tokens.spacingVerticalXS },
  copyRow: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
});

const tabLabels: Record<Guide['id'], string> = {
  mentor: 'Mentor guide',
  mentee: 'Mentee guide',
  agreement: 'Agreement',
  activities: 'Activity ideas',
};

const headingId = (sectionId: string) => `${sectionId}-heading`;

function holds(guide: Guide, sectionId: string): boolean {
  return guide.sections.some((s) => s.id === sectionId);
}

/** The guide to open: the asked-for one if it holds the section, else whichever does. */
function guideToOpen(preferred: Guide['id'] | undefined, sectionId: string | undefined): Guide['id'] {
  const asked = guides.find((g) => g.id === preferred);
  if (!sectionId || (asked && holds(asked, sectionId))) return asked?.id ?? 'mentor';
  return guides.find((g) => holds(g, sectionId))?.id ?? asked?.id ?? 'mentor';
}

/** A `#<anchor>` in the address opens that section, unless it belongs to a hash router. */
function sectionFromAddress(): string | undefined {
  if (typeof window === 'undefined') return undefined;
  const anchor = decodeURIComponent(window.location.hash.slice(1));
  return guides.some((g) => holds(g, anchor)) ? anchor : undefined;
}

/** Moves both the view and keyboard focus, so screen reader and keyboard users land where sighted users do. */
function revealSection(sectionId: string): void {
  const section = document.getElementById(sectionId);
  if (!section) return;
  section.scrollIntoView({ block: 'start' });
  document.getElementById(headingId(sectionId))?.focus({ preventScroll: true });
}

/** The agreement as plain text, blanks included, for pasting into a chat or a shared note. */
function asPlainText(guide: Guide): string {
  const parts = [guide.title, guide.summary];
  for (const s of guide.sections) {
    parts.push([s.title, ...s.paragraphs, ...(s.bullets ?? []).map((b) => `- ${b}`)].join('\n'));
  }
  return parts.join('\n\n');
}

function CopyAgreement({ guide }: { guide: Guide }): JSX.Element {
  const styles = useStyles();
  const [status, setStatus] = useState('');
  async function copy() {
    try {
      await navigator.clipboard.writeText(asPlainText(guide));
      setStatus('Copied. Paste it into your meeting chat or a shared note.');
    } catch {
      setStatus("Couldn't copy here. Select the text below and copy it instead.");
    }
  }
  return (
    <div className={styles.copyRow}>
      <Button onClick={() => void copy()}>Copy the agreement as text</Button>
      <Caption1 role="status">{status}</Caption1>
    </div>
  );
}

function Section({ section }: { section: GuideSection }): JSX.Element {
  const styles = useStyles();
  return (
    <section id={section.id} aria-labelledby={headingId(section.id)} className={styles.section}>
      <Title3 as="h3" id={headingId(section.id)} tabIndex={-1} className={styles.heading}>
        {section.title}
      </Title3>
      {section.paragraphs.map((text, index) => (
        <Body1 as="p" key={index} className={styles.paragraph}>
          {text}
        </Body1>
      ))}
      {section.bullets && (
        <ul className={styles.bullets}>
          {section.bullets.map((text, index) => (
            <li key={index} className={styles.bullet}>
              <Body1>{text}</Body1>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export default function GuidesPage(props: { initialGuide?: Guide['id']; initialSection?: string }): JSX.Element {
  const styles = useStyles();
  const { initialGuide, initialSection } = props;
  const [opened, setOpened] = useState({ initialGuide, initialSection });
  const [selected, setSelected] = useState<Guide['id']>(() => guideToOpen(initialGuide, initialSection ?? sectionFromAddress()));
  const [pendingSection, setPendingSection] = useState<string | undefined>(() => initialSection ?? sectionFromAddress());

  // The pair view may open the page again at another stage while it is still mounted.
  if (opened.initialGuide !== initialGuide || opened.initialSection !== initialSection) {
    setOpened({ initialGuide, initialSection });
    setSelected(guideToOpen(initialGuide, initialSection));
    setPendingSection(initialSection);
  }

  useEffect(() => {
    if (!pendingSection) return;
    revealSection(pendingSection);
    setPendingSection(undefined);
  }, [pendingSection, selected]);

  const guide = guides.find((g) => g.id === selected) ?? guides[0]!;

  return (
    <div className={styles.page}>
      <TabList
        className={styles.tabs}
        selectedValue={selected}
        onTabSelect={(_event, data) => setSelected(data.value as Guide['id'])}
        aria-label="Guides"
      >
        {guides.map((g) => (
          <Tab key={g.id} value={g.id} id={`guide-tab-${g.id}`} aria-controls="guide-panel">
            {tabLabels[g.id]}
          </Tab>
        ))}
      </TabList>
      <div id="guide-panel" role="tabpanel" aria-labelledby={`guide-tab-${guide.id}`}>
        <Title2 as="h2" className={styles.heading}>
          {guide.title}
        </Title2>
        <Body1 as="p" className={styles.paragraph}>
          {guide.summary}
        </Body1>
        {guide.id === 'agreement' && <CopyAgreement guide={guide} />}
        <nav aria-label={`Contents of the ${guide.title.toLowerCase()}`}>
          <ol className={styles.contents}>
            {guide.sections.map((s) => (
              <li key={s.id}>
                <Link
                  href={`#${s.id}`}
                  onClick={(event) => {
                    // The tab may route on the address hash; move to the section without touching it.
                    event.preventDefault();
                    revealSection(s.id);
                  }}
                >
                  {s.title}
                </Link>
              </li>
            ))}
          </ol>
        </nav>
        {guide.sections.map((s) => (
          <Section key={s.id} section={s} />
        ))}
      </div>
    </div>
  );
}
