import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.LongStream;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.MVStore;

/**
 * Where an H2 store's bytes went: the pages of every chunk a stopped Herald's store file keeps, added up by the
 * table or index they belong to, and the store's own layout map (chunk metadata and map roots, which every commit
 * rewrites). Each commit writes every page it changed, whole, as a new chunk, and H2 keeps a chunk while any page in
 * it is live; as the live pages are scattered, the kept chunks hold much of what the store wrote. Each page's
 * length is the distance to the next one in its chunk's table of contents, so no page is read.
 *
 * <p>{@code java -cp herald-<version>-runner.jar bench/lib/H2Pages.java <data-dir>/herald}
 */
public class H2Pages {

    /** MVStore's block: a chunk's position is counted in blocks. */
    private static final int BLOCK_SIZE = 4096;

    /** Bytes and pages of one map. */
    static final class Usage {
        long bytes;
        long leaves;
        long nodes;
    }

    public static void main(String[] args) throws Exception {
        String database = args[0];
        Path file = Path.of(database + ".mv.db");
        Map<String, String> objects = new HashMap<>();
        long events = readObjects(database, objects);
        Map<Integer, Usage> usage = new HashMap<>();
        Map<Integer, String> names = new HashMap<>();
        long chunks = 0;
        long lastChunkId = 0;
        MVStore store = new MVStore.Builder().fileName(file.toString()).readOnly().open();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            for (Map.Entry<String, String> entry : store.getFileStore().getLayoutMap().entrySet()) {
                if (entry.getKey().startsWith("chunk.")) {
                    lastChunkId = Math.max(lastChunkId, Long.parseLong(entry.getKey().substring(6), 16));
                    if (count(channel, DataUtils.parseMap(entry.getValue()), usage)) {
                        chunks++;
                    }
                }
            }
            names.put(0, "(the store's layout: chunk metadata, map roots)");
            for (String map : store.getMapNames()) {
                String id = store.getMetaMap().get("name." + map);
                if (id != null) {
                    names.put(Integer.parseInt(id, 16), objects.getOrDefault(map, map)
                            .replaceAll(" PRIMARY_KEY_\\p{XDigit}+$", " primary key"));
                }
            }
        } finally {
            store.close();
        }
        long total = usage.values().stream().mapToLong(u -> u.bytes).sum();
        System.out.printf("H2 file %,d MB, %,d chunks kept, %,d MB of pages in them: %,d bytes per event stored (%,d)%n",
                Files.size(file) >> 20, chunks, total >> 20, total / Math.max(1, events), events);
        // Chunks are numbered from 1 as they are written, one for each commit and each round of compaction: how many
        // events a commit held, on average.
        System.out.printf("%,d chunks written in all: %.2f per event stored%n", lastChunkId,
                (double) lastChunkId / Math.max(1, events));
        System.out.println();
        System.out.println("| table or index | MB | share | leaf pages | inner pages | bytes per page |");
        System.out.println("|---|---|---|---|---|---|");
        usage.entrySet().stream()
                .filter(row -> row.getValue().bytes * 1000 >= total)
                .sorted(Comparator.comparingLong((Map.Entry<Integer, Usage> row) -> row.getValue().bytes).reversed())
                .forEach(row -> {
                    Usage u = row.getValue();
                    System.out.printf("| %s | %.1f | %.1f %% | %,d | %,d | %,d |%n",
                            names.getOrDefault(row.getKey(), "map " + row.getKey() + " (a closed session's undo log)"),
                            u.bytes / 1e6, 100.0 * u.bytes / total, u.leaves, u.nodes, u.bytes / (u.leaves + u.nodes));
                });
    }

    /**
     * Adds up the pages of one chunk by map, from its table of contents (one element per page: map id, offset, type),
     * each page's length being the distance to the next one; false for a chunk that takes no space (dead).
     */
    private static boolean count(FileChannel channel, Map<String, String> chunk, Map<Integer, Usage> usage)
            throws IOException {
        long block = Long.parseLong(chunk.getOrDefault("block", "0"), 16);
        int pages = Integer.parseInt(chunk.getOrDefault("pages", "0"), 16);
        int toc = Integer.parseInt(chunk.getOrDefault("toc", "0"), 16);
        if (block == 0 || pages == 0 || toc == 0) {
            return false;
        }
        ByteBuffer elements = ByteBuffer.allocate(pages * Long.BYTES);
        long position = block * BLOCK_SIZE + toc;
        while (elements.hasRemaining()) {
            if (channel.read(elements, position + elements.position()) < 0) {
                throw new IOException("chunk " + chunk.get("chunk") + " ends beyond the file");
            }
        }
        elements.flip();
        long[] byOffset = LongStream.generate(elements::getLong).limit(pages).boxed()
                .sorted(Comparator.comparingInt(DataUtils::getPageOffset)).mapToLong(Long::longValue).toArray();
        for (int i = 0; i < pages; i++) {
            long element = byOffset[i];
            int end = i + 1 < pages ? DataUtils.getPageOffset(byOffset[i + 1]) : toc;
            Usage u = usage.computeIfAbsent(DataUtils.getPageMapId(element), id -> new Usage());
            u.bytes += end - DataUtils.getPageOffset(element);
            if (DataUtils.getPageType(element) == 0) {
                u.leaves++;
            } else {
                u.nodes++;
            }
        }
        return true;
    }

    /**
     * Fills {@code objects} with H2's name of each table's and index's map ({@code table.<object id>},
     * {@code index.<object id>}) and a readable name; returns the number of events stored.
     */
    private static long readObjects(String database, Map<String, String> objects) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:h2:file:" + database
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;ACCESS_MODE_DATA=r", "herald", "");
                Statement statement = connection.createStatement()) {
            try (ResultSet rows = statement.executeQuery(
                    "SELECT 'table.' || DB_OBJECT_ID('TABLE', table_schema, table_name), table_name"
                            + " FROM information_schema.tables WHERE table_schema = 'public'"
                            + " UNION ALL SELECT 'index.' || DB_OBJECT_ID('INDEX', table_schema, index_name),"
                            + " table_name || ' ' || index_name FROM information_schema.indexes"
                            + " WHERE table_schema = 'public'")) {
                while (rows.next()) {
                    objects.put(rows.getString(1), rows.getString(2));
                }
            }
            try (ResultSet count = statement.executeQuery("SELECT COUNT(*) FROM events")) {
                count.next();
                return count.getLong(1);
            }
        }
    }
}
