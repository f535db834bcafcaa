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

    /** The named host, or an input error with a "did you mean". */
    static mesoslab.inventory.Host requireHost(mesoslab.inventory.Inventory inventory, String name) {
        mesoslab.inventory.Host host = inventory.host(name);
        if (host == null) {
            String suggestion = mesoslab.common.Suggestions.didYouMean(name,
                    inventory.hosts().stream().map(mesoslab.inventory.Host::name).toList());
            throw new mesoslab.common.InvalidInputException(null, "host '" + name + "' is not in the inventory"
                    + (suggestion.isEmpty() ? "" : "; " + suggestion), "Run 'mesoslab inventory --graph' to see the hosts");
        }
        return host;
    }
}
