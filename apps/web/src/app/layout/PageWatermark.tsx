import { Watermark } from 'antd';
import type { ReactNode } from 'react';
import { useCurrentUser } from '../../platform/api';
import { today } from '../../platform/format';

/** A faint watermark with who is looking and when (deters screenshots leaking). */
export function PageWatermark({ children }: { children: ReactNode }) {
  const me = useCurrentUser();
  return (
    <Watermark
      content={[`${me.displayName} ${me.username}`, today()]}
      font={{ color: 'rgba(0, 0, 0, 0.06)', fontSize: 14 }}
      gap={[160, 140]}
      rotate={-20}
    >
      {children}
    </Watermark>
  );
}
