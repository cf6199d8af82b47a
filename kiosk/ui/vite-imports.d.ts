// Vite's `?worker` import: the module bundled as a worker of the UI's own, constructed like a Worker.
declare module '*?worker' {
  const WorkerConstructor: new () => Worker;
  export default WorkerConstructor;
}
