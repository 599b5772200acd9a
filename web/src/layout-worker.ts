// The fixed layout off the page's thread, for graphs whose iterations would freeze the page for seconds.
import { layOut, type LayoutAnswer, type LayoutRequest } from './fixed-layout.js';

const scope = self as unknown as { onmessage: ((event: MessageEvent<LayoutRequest>) => void) | null; postMessage(message: LayoutAnswer, transfer: Transferable[]): void };

scope.onmessage = ({ data }) => {
  const positions = layOut(data);
  scope.postMessage({ id: data.id, positions }, [positions.buffer]);
};
