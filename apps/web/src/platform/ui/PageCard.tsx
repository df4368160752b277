import { Card, Flex, Typography } from 'antd';
import type { ReactNode } from 'react';

interface PageCardProps {
  title: ReactNode;
  /** Buttons on the right of the title (create, export, import …). */
  extra?: ReactNode;
  children: ReactNode;
  testId?: string;
}

/** The frame of a page: a title row with its actions, then the content. */
export function PageCard({ title, extra, children, testId }: PageCardProps) {
  return (
    <Card variant="borderless" data-testid={testId}>
      <Flex justify="space-between" align="center" wrap gap="small" style={{ marginBottom: 16 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {title}
        </Typography.Title>
        {extra && (
          <Flex gap="small" wrap>
            {extra}
          </Flex>
        )}
      </Flex>
      {children}
    </Card>
  );
}
