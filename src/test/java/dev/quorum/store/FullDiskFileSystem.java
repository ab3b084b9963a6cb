package dev.quorum.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.util.concurrent.atomic.AtomicLong;
import org.h2.store.fs.FileBase;
import org.h2.store.fs.FilePath;
import org.h2.store.fs.FilePathWrapper;

/**
 * An H2 file system ({@code fulldisk:/path}) over the real one whose writes fail with "No space left on
 * device" once a byte budget is spent: a full disk at an exact moment, without root or a tmpfs.
 */
public final class FullDiskFileSystem extends FilePathWrapper {

    static final String SCHEME = "fulldisk";
    private static final AtomicLong BUDGET = new AtomicLong(Long.MAX_VALUE);

    static {
        FilePath.register(new FullDiskFileSystem());
    }

    public FullDiskFileSystem() {
        // Instantiated by H2 for each path.
    }

    /** Registers the file system; safe to call more than once. */
    static void install() {
        BUDGET.set(Long.MAX_VALUE);
    }

    /** From now on only {@code bytes} more bytes fit on the "disk". */
    static void fillUpAfter(long bytes) {
        BUDGET.set(bytes);
    }

    /** Space is free again. */
    static void freeSpace() {
        BUDGET.set(Long.MAX_VALUE);
    }

    @Override
    public String getScheme() {
        return SCHEME;
    }

    @Override
    public FileChannel open(String mode) throws IOException {
        return new Channel(getBase().open(mode));
    }

    private static void spend(int bytes) throws IOException {
        if (BUDGET.addAndGet(-bytes) < 0) {
            BUDGET.addAndGet(bytes);
            throw new IOException("No space left on device");
        }
    }

    /** A channel that spends the budget on every write. */
    private static final class Channel extends FileBase {
        private final FileChannel base;

        Channel(FileChannel base) {
            this.base = base;
        }

        @Override
        public int read(ByteBuffer dst) throws IOException {
            return base.read(dst);
        }

        @Override
        public synchronized int read(ByteBuffer dst, long position) throws IOException {
            return base.read(dst, position);
        }

        @Override
        public int write(ByteBuffer src) throws IOException {
            spend(src.remaining());
            return base.write(src);
        }

        @Override
        public synchronized int write(ByteBuffer src, long position) throws IOException {
            spend(src.remaining());
            return base.write(src, position);
        }

        @Override
        public long position() throws IOException {
            return base.position();
        }

        @Override
        public FileChannel position(long newPosition) throws IOException {
            base.position(newPosition);
            return this;
        }

        @Override
        public long size() throws IOException {
            return base.size();
        }

        @Override
        public FileChannel truncate(long size) throws IOException {
            base.truncate(size);
            return this;
        }

        @Override
        public void force(boolean metaData) throws IOException {
            base.force(metaData);
        }

        @Override
        public FileLock tryLock(long position, long size, boolean shared) throws IOException {
            return base.tryLock(position, size, shared);
        }

        @Override
        protected void implCloseChannel() throws IOException {
            base.close();
        }
    }
}
