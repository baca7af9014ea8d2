import { Link, makeStyles } from '@fluentui/react-components';
import type { ReactNode } from 'react';

/**
 * Numbers in tables: right-aligned with digits of equal width, and their column header aligned the same way
 * (a header cell lays out its label in an inner flex box, which text-align does not move).
 */
export const useNumericStyles = makeStyles({
  num: {
    textAlign: 'right',
    fontVariantNumeric: 'tabular-nums',
    '& .fui-TableHeaderCell__button': { justifyContent: 'flex-end' },
  },
});

/** A number that opens the records behind it: looks like a link (brand colour, underlined), works as a button. */
export function NumberLink(props: { onClick: () => void; disabled?: boolean; 'aria-label'?: string; children: ReactNode }) {
  return <Link as="button" inline {...props} />;
}
