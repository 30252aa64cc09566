/**
 * The CUDA provider (work in progress).
 */
module dev.legate.cuda {
    requires dev.legate.core;
    requires jcuda;
}
