package org.cruddur.console.ui.profiles;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.cruddur.console.config.AppDirectories;
import org.cruddur.console.config.ConnectionProfile;
import org.cruddur.console.config.ProfileStore;
import org.cruddur.console.ui.ImmediateWork;
import org.cruddur.console.ui.main.MainViewModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Profiles dialog's logic on a real profiles.json. */
class ProfilesViewModelTest {

    @TempDir
    Path home;

    /** Issue 9, defect 1: editing one field in the dialog changes that field only. */
    @Test
    void aProfileRoundTripsThroughTheDialogUnchangedExceptForTheEdit() throws Exception {
        AppDirectories dirs = new AppDirectories(home.resolve("config"), home.resolve("data"));
        Files.createDirectories(dirs.profilesFile().getParent());
        Files.writeString(dirs.profilesFile(), """
                {"profiles": [{"name": "dev", "kind": "endpoint", "endpoint": "http://localhost:8000",
                  "cognito_endpoint": "http://localhost:9229", "user_pool_id": "local_abc", "team_note": "ask ops first"}]}
                """);
        MainViewModel main = new MainViewModel(dirs, new ImmediateWork(), MainViewModel.defaultOpener());
        main.useProfiles(ProfileStore.load(dirs.profilesFile()));
        ProfilesViewModel vm = new ProfilesViewModel(new ImmediateWork(), main::profileStore, main::useProfiles);
        ConnectionProfile before = vm.profiles().get(0);

        vm.editingProperty().set(before);
        vm.regionProperty().set("eu-west-1");
        vm.save();

        assertThat(vm.saveProblemProperty().get()).isNull();
        ConnectionProfile after = ProfileStore.load(dirs.profilesFile()).require("dev");
        assertThat(after).isEqualTo(before.withRegion("eu-west-1"));
        assertThat(Files.readString(dirs.profilesFile())).contains("\"team_note\" : \"ask ops first\"");
    }
}
