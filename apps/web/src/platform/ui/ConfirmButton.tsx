import { Button, Popconfirm } from 'antd';
import type { ReactNode } from 'react';
import { useT } from '../i18n';
import { testIdProps } from './test-id';

interface ConfirmButtonProps {
  /** The question, e.g. "确定停用该用户？" */
  title: ReactNode;
  description?: ReactNode;
  onConfirm: () => Promise<unknown>;
  children: ReactNode;
  testId: string;
  danger?: boolean;
  disabled?: boolean;
  type?: 'link' | 'default' | 'primary';
}

/**
 * A button that asks first — every destructive action (disable, reset password, unlock …) goes
 * through it. The confirm button carries `data-testid="<testId>-confirm"`.
 */
export function ConfirmButton({
  title,
  description,
  onConfirm,
  children,
  testId,
  danger,
  disabled,
  type = 'link',
}: ConfirmButtonProps) {
  const t = useT();
  return (
    <Popconfirm
      title={title}
      description={description}
      okText={t('确定', 'OK')}
      cancelText={t('取消', 'Cancel')}
      okButtonProps={{ danger, ...testIdProps(`${testId}-confirm`) }}
      onConfirm={async () => {
        try {
          await onConfirm();
        } catch {
          // the error is shown by the query layer; keep the popover from throwing
        }
      }}
      disabled={disabled}
    >
      <Button
        type={type}
        size={type === 'link' ? 'small' : undefined}
        danger={danger}
        disabled={disabled}
        data-testid={testId}
      >
        {children}
      </Button>
    </Popconfirm>
  );
}
