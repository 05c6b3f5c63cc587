import { useVirtualizer } from '@tanstack/react-virtual';
import { type KeyboardEvent, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { ColumnId } from '../columns.ts';
import { columnWidth } from '../columns.ts';
import type { RegisterRow } from '../register-rows.ts';
import { CellContent } from './register-cells.tsx';

const ROW_ESTIMATE = 64;
const OVERSCAN = 8;

/**
 * The register as a table that stays fast with thousands of tasks: only the rows in view (and a few
 * either side) are in the page; spacer rows above and below keep the scroll bar true. The header stays
 * in place while the body scrolls. Keyboard: Tab reaches one row; ↑ ↓, Page Up/Down, Home/End move
 * between rows (scrolling as needed); Enter opens the task.
 */
export function RegisterTable({
  rows,
  columns,
  sort,
  dir,
  onSort,
  caption,
  linkFor,
}: {
  rows: readonly RegisterRow[];
  columns: readonly ColumnId[];
  sort: ColumnId | '';
  dir: 'asc' | 'desc';
  onSort: (column: ColumnId) => void;
  caption: string;
  linkFor: (row: RegisterRow) => string;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const scrollRef = useRef<HTMLElement>(null);
  const headRef = useRef<HTMLTableSectionElement>(null);
  const [headHeight, setHeadHeight] = useState(48);
  const [active, setActive] = useState(0);
  const focusWanted = useRef(false);

  // The header's height is where the rows begin, and how far a row must stay below the top to be seen.
  useLayoutEffect(() => {
    const head = headRef.current;
    if (!head) return;
    const measure = () => setHeadHeight(head.offsetHeight);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(head);
    return () => observer.disconnect();
  }, []);

  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_ESTIMATE,
    overscan: OVERSCAN,
    scrollMargin: headHeight,
    scrollPaddingStart: headHeight,
    getItemKey: (index) => rows[index]?.task.id ?? index,
  });
  const items = virtualizer.getVirtualItems();
  const current = Math.min(active, Math.max(0, rows.length - 1));
  const first = items[0];
  const last = items[items.length - 1];
  const paddingTop = first ? first.start - headHeight : 0;
  const paddingBottom = last ? virtualizer.getTotalSize() - (last.end - headHeight) : 0;
  // The one row Tab lands on: the active row when it is drawn, else the first drawn row.
  const tabbable = items.some((i) => i.index === current) ? current : (first?.index ?? 0);

  // Once the active row has been drawn after a keyboard move, it takes the focus.
  useEffect(() => {
    if (!focusWanted.current) return;
    const row = scrollRef.current?.querySelector<HTMLElement>(`tr[data-index="${current}"]`);
    if (row) {
      row.focus({ preventScroll: true });
      focusWanted.current = false;
    }
  });

  const move = (to: number) => {
    const next = Math.max(0, Math.min(rows.length - 1, to));
    focusWanted.current = true;
    setActive(next);
    virtualizer.scrollToIndex(next, { align: 'auto' });
  };
  const page = Math.max(1, items.length - 2 * OVERSCAN);
  const onKeyDown = (event: KeyboardEvent<HTMLTableSectionElement>) => {
    if (event.target instanceof HTMLElement && event.target.tagName !== 'TR') return;
    const keys: Record<string, () => void> = {
      ArrowDown: () => move(current + 1),
      ArrowUp: () => move(current - 1),
      PageDown: () => move(current + page),
      PageUp: () => move(current - page),
      Home: () => move(0),
      End: () => move(rows.length - 1),
      Enter: () => {
        const row = rows[current];
        if (row) navigate(linkFor(row));
      },
    };
    const action = keys[event.key];
    if (!action) return;
    event.preventDefault();
    action();
  };

  // No column is wider than most of a phone's screen, so the code and the content show side by side.
  const widthOf = (c: ColumnId) => `min(${columnWidth(c)}rem, 70vw)`;
  const width = `calc(${columns.map(widthOf).join(' + ')})`;
  return (
    <section
      ref={scrollRef}
      className="register-table__scroll"
      data-testid="register-scroll"
      aria-label={caption}
    >
      <table
        className="data-table register-table"
        style={{ width }}
        aria-rowcount={rows.length + 1}
        aria-describedby="register-keys"
      >
        <caption className="visually-hidden">{caption}</caption>
        <colgroup>
          {columns.map((c) => (
            <col key={c} style={{ width: widthOf(c) }} />
          ))}
        </colgroup>
        <thead ref={headRef}>
          <tr aria-rowindex={1}>
            {columns.map((c) => (
              <th
                key={c}
                scope="col"
                aria-sort={sort === c ? (dir === 'asc' ? 'ascending' : 'descending') : undefined}
              >
                <button type="button" className="register-table__sort" onClick={() => onSort(c)}>
                  {t(`register.columns.${c}`)}
                  <span aria-hidden="true" className="register-table__arrow">
                    {sort === c ? (dir === 'asc' ? '▲' : '▼') : '↕'}
                  </span>
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody onKeyDown={onKeyDown}>
          {paddingTop > 0 && <Spacer height={paddingTop} span={columns.length} />}
          {items.map((item) => {
            const row = rows[item.index];
            if (!row) return null;
            return (
              <tr
                key={item.key}
                ref={virtualizer.measureElement}
                data-index={item.index}
                aria-rowindex={item.index + 2}
                tabIndex={item.index === tabbable ? 0 : -1}
                onFocus={(e) => {
                  if (e.target === e.currentTarget) setActive(item.index);
                }}
                className="register-table__row"
              >
                {columns.map((c) =>
                  c === 'code' ? (
                    <th key={c} scope="row">
                      <Link to={linkFor(row)} tabIndex={-1} className="register-table__code">
                        {row.task.code}
                      </Link>
                    </th>
                  ) : (
                    <td key={c} className={`register-table__cell--${c}`}>
                      <CellContent row={row} column={c} />
                    </td>
                  ),
                )}
              </tr>
            );
          })}
          {paddingBottom > 0 && <Spacer height={paddingBottom} span={columns.length} />}
        </tbody>
      </table>
    </section>
  );
}

/** Stands for the rows not drawn above or below the window, so the scroll bar tells the truth. */
function Spacer({ height, span }: { height: number; span: number }) {
  return (
    // biome-ignore lint/a11y/noAriaHiddenOnFocusable: an empty spacer row, never focused, hidden from screen readers
    <tr aria-hidden="true" className="register-table__spacer" style={{ height }}>
      <td colSpan={span} />
    </tr>
  );
}
