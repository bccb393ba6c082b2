import { useState } from 'react';
import useInterval from 'react-use/esm/useInterval';
import { formatAbsoluteTime, formatRelativeTime } from './relativeTime';

/** A moment shown relative to now (`3 hours ago`), with the absolute time on hover. */
export const RelativeTime = ({ value }: { value: string }) => {
  const [now, setNow] = useState(() => new Date());
  // Keeps "just now" from going stale on a page left open.
  useInterval(() => setNow(new Date()), 60_000);
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) {
    return <span>{value}</span>;
  }
  return (
    <time dateTime={date.toISOString()} title={formatAbsoluteTime(date)}>
      {formatRelativeTime(date, now)}
    </time>
  );
};
