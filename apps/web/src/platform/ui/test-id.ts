/** `data-testid` for props objects (JSX attributes accept it directly; object literals do not). */
export function testIdProps(id: string): { 'data-testid': string } {
  return { 'data-testid': id };
}
