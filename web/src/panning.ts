// Dragging the stage: while it lasts, a pointer move pans the camera and the page draws the least that shows
// where things are. Profiled in headless Chromium (WebGL in software), a drag's frame went to three things:
// sigma reading its picking buffers back on every move to find what is under the pointer (each read waits
// for the GPU to finish the frame before), the compositor reading back and blending every canvas layer,
// empty or not, and filling the entities' discs.
import type Sigma from 'sigma';
import { NodePointProgram, type NodeProgramType } from 'sigma/rendering';
import type { RenderParams } from 'sigma/types';

// Sigma's layers that it leaves empty while the camera moves with `hideEdgesOnMove` and `hideLabelsOnMove`.
const EDGE_LAYERS = ['edges'];
const LABEL_LAYERS = ['labels', 'edgeLabels', 'hovers', 'hoverNodes'];

export class Panning {
  private active = false;

  /** `changed` hears when a drag starts and ends, to restyle the entities for it. */
  constructor(
    private readonly renderer: Sigma,
    private readonly changed: (dragging: boolean) => void,
  ) {
    const captor = renderer.getMouseCaptor();
    // The captor pans the camera itself; its 'mousemove' listeners are sigma's hover picking, which a drag
    // has no use for. They are put back, in order, when the button is released.
    let parked: ReturnType<typeof captor.rawListeners<'mousemove'>> = [];
    captor.on('mousedown', () => {
      if (!captor.isMouseDown || parked.length > 0) return;
      parked = captor.rawListeners('mousemove');
      captor.removeAllListeners('mousemove');
    });
    // A press that never moves is a click: nothing changes for it.
    captor.on('mousemovebody', () => {
      if (captor.isMouseDown && !this.active) this.toggle(true);
    });
    captor.on('mouseup', () => {
      for (const listener of parked) captor.on('mousemove', listener);
      parked = [];
      if (this.active) this.toggle(false);
    });
  }

  private toggle(on: boolean): void {
    this.active = on;
    // An empty layer costs as much to composite as a full one; a hidden one costs nothing.
    const idle = [...(this.renderer.getSetting('hideEdgesOnMove') ? EDGE_LAYERS : []), ...(this.renderer.getSetting('hideLabelsOnMove') ? LABEL_LAYERS : [])];
    for (const layer of idle) {
      const canvas = this.renderer.getCanvases()[layer];
      if (canvas) canvas.style.visibility = on ? 'hidden' : '';
    }
    this.changed(on);
  }
}

/**
 * Sigma's point program, without its picking pass while `dragging` says a drag lasts: nothing is looked up
 * under the pointer then, and the first frame after the drag draws the picking layer again.
 */
export function pointsPickedAtRest(dragging: () => boolean): NodeProgramType {
  return class PointsPickedAtRest extends NodePointProgram {
    override render(params: RenderParams): void {
      const picking = this.pickProgram;
      if (dragging()) this.pickProgram = null;
      super.render(params);
      this.pickProgram = picking;
    }
  };
}
