-- case: MySQL, word split removed, unique index re-created
-- dialect: mysql
-- expect: column users.user_name -> username
-- before
CREATE TABLE users (id int NOT NULL AUTO_INCREMENT PRIMARY KEY, user_name varchar(191) NOT NULL, UNIQUE KEY users_user_name_key (user_name));
-- after
CREATE TABLE users (id int NOT NULL AUTO_INCREMENT PRIMARY KEY, username varchar(191) NOT NULL, UNIQUE KEY users_username_key (username));
