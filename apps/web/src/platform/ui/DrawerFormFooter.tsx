import { Button, Flex } from 'antd';
import { useT } from '../i18n';

/** The 取消 / 保存 footer every form drawer uses; test ids are `<testId>-cancel` and `<testId>-submit`. */
export function DrawerFormFooter(props: {
  testId: string;
  saving: boolean;
  onCancel: () => void;
  onSave: () => void;
}) {
  const t = useT();
  return (
    <Flex justify="flex-end" gap="small">
      <Button onClick={props.onCancel} data-testid={`${props.testId}-cancel`}>
        {t('取消', 'Cancel')}
      </Button>
      <Button
        type="primary"
        loading={props.saving}
        onClick={props.onSave}
        data-testid={`${props.testId}-submit`}
      >
        {t('保存', 'Save')}
      </Button>
    </Flex>
  );
}
