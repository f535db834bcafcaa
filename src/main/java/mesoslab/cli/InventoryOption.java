package mesoslab.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code -i INVENTORY} option every command shares. */
final class InventoryOption {
    @Option(names = {"-i", "--inventory"}, paramLabel = "INVENTORY",
            description = "Inventory file or folder (Ansible's YAML format). Default: inventories/local, the embedded lab on this machine.")
    Path inventory;

    Path resolve(Home home) {
        return inventory != null ? inventory : home.defaultInventory();
    }
}
