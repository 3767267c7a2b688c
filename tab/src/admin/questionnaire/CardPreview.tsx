/**
 * An Adaptive Card drawn by the Adaptive Cards SDK, the way Teams draws it
 * (close enough to judge wording, order and input types). Inputs work but
 * submit nowhere: it is a preview.
 */
import { useEffect, useRef, useState } from 'react';
import * as AdaptiveCards from 'adaptivecards';
import { makeStyles, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  frame: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: '#ffffff',
    color: '#242424',
    padding: tokens.spacingHorizontalS,
    overflowX: 'auto',
  },
});

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * Teams renders a TextBlock's markdown; the SDK leaves that to its host. The
 * bot's cards use bold and italics only, so those are drawn, after escaping.
 */
function processMarkdown(text: string, result: { didProcess: boolean; outputHtml?: unknown }): void {
  result.outputHtml = escapeHtml(text)
    .replace(/\*\*(.+?)\*\*/g, '<strong>$1</strong>')
    .replace(/(^|\W)_(.+?)_(?=\W|$)/g, '$1<em>$2</em>');
  result.didProcess = true;
}

export function CardPreview({ card, label }: { card: object; label: string }) {
  const styles = useStyles();
  const host = useRef<HTMLDivElement>(null);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    const container = host.current;
    if (!container) return;
    const context = new AdaptiveCards.SerializationContext(AdaptiveCards.Versions.v1_5);
    AdaptiveCards.AdaptiveCard.onProcessMarkdown = processMarkdown;
    const adaptiveCard = new AdaptiveCards.AdaptiveCard();
    adaptiveCard.onExecuteAction = () => undefined;
    adaptiveCard.parse(card, context);
    const rendered = adaptiveCard.render();
    container.replaceChildren(...(rendered ? [rendered] : []));
    setProblem(context.eventCount > 0 ? (context.getEventAt(0)?.message ?? null) : rendered ? null : 'The card could not be drawn.');
  }, [card]);

  return (
    <figure aria-label={label} style={{ margin: 0 }}>
      <div ref={host} className={styles.frame} />
      {problem && <figcaption role="alert">{problem}</figcaption>}
    </figure>
  );
}
