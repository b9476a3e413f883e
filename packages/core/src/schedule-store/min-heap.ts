/** A binary min-heap on `key`, for due times and lease expiries. @internal */
export class MinHeap<T extends { key: number }> {
  private readonly items: T[] = [];

  get size(): number {
    return this.items.length;
  }

  peek(): T | undefined {
    return this.items[0];
  }

  push(item: T): void {
    const items = this.items;
    items.push(item);
    let index = items.length - 1;
    while (index > 0) {
      const parent = (index - 1) >> 1;
      if (items[parent]!.key <= item.key) break;
      items[index] = items[parent]!;
      index = parent;
    }
    items[index] = item;
  }

  /** Adds many items: appended then re-heapified in O(n) when the batch is large. */
  pushMany(batch: readonly T[]): void {
    if (batch.length < this.items.length / 4) {
      for (const item of batch) this.push(item);
      return;
    }
    for (const item of batch) this.items.push(item);
    for (let index = (this.items.length >> 1) - 1; index >= 0; index -= 1) this.siftDown(index);
  }

  private siftDown(start: number): void {
    const items = this.items;
    const item = items[start]!;
    let index = start;
    for (;;) {
      const left = 2 * index + 1;
      if (left >= items.length) break;
      const right = left + 1;
      const child = right < items.length && items[right]!.key < items[left]!.key ? right : left;
      if (items[child]!.key >= item.key) break;
      items[index] = items[child]!;
      index = child;
    }
    items[index] = item;
  }

  pop(): T | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (top === undefined || last === undefined || items.length === 0) return top;
    let index = 0;
    for (;;) {
      const left = 2 * index + 1;
      if (left >= items.length) break;
      const right = left + 1;
      const child = right < items.length && items[right]!.key < items[left]!.key ? right : left;
      if (items[child]!.key >= last.key) break;
      items[index] = items[child]!;
      index = child;
    }
    items[index] = last;
    return top;
  }
}
