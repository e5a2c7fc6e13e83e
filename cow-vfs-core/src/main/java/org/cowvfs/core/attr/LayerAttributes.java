package org.cowvfs.core.attr;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.cowvfs.CowFileAttributes;

/**
 * The values of the read-only {@code cow} attribute view for one entry.
 */
record LayerAttributes(int layer, Path layerRoot, boolean writable, boolean merged, boolean opaque, Path realPath,
        long fileId)
        implements CowFileAttributes {

    /** The attributes by name, as {@code Files.readAttributes(path, "cow:*")} returns them. */
    Map<String, Object> asMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("layer", layer);
        map.put("layerRoot", layerRoot);
        map.put("writable", writable);
        map.put("merged", merged);
        map.put("opaque", opaque);
        map.put("realPath", realPath);
        map.put("fileId", fileId);
        return map;
    }
}
